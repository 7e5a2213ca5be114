/**
 * Face alignment: finds faces and eye centres in a photo (Haar/LBP cascades shipped in the OpenCV
 * jar, or a user-supplied OpenCV DNN face detector model), or takes them from landmark files, and
 * warps each face with a similarity transform so that the eye centres land on the fixed positions
 * of an {@link org.malau.face.EyeTemplate}.
 *
 * <p>Entry points: {@link org.malau.face.FaceAligner} (one image or a batch, one thread) and
 * {@link org.malau.face.ParallelBatch} (a batch on several threads), configured by
 * {@link org.malau.face.AlignOptions}; results are {@link org.malau.face.ImageAlignment} per image,
 * {@link org.malau.face.AlignedFace} per face and {@link org.malau.face.BatchResult} per batch.
 * Results hold plain Java arrays only, so callers never manage native OpenCV memory.
 *
 * <p>Native code comes from JavaCPP's OpenCV build; cascades are read as class resources of that jar
 * so the same code works on a flat class path and inside OSGi.
 */
package org.malau.face;
