/**
 * Readers for the standard AU and expression data set layouts (BP4D, DISFA, RAF-DB, AffectNet,
 * FER2013) and for a generic CSV, so that users with a licence can point the extension at their own
 * copies: none of these sets may be redistributed with it.
 *
 * <p>Every reader yields {@link org.malau.data.FaceRecord}s lazily through a {@link
 * org.malau.data.readers.RecordStream}; {@link org.malau.data.readers.DatasetReaders} is the one
 * entry point for a node. Labels that a data set leaves unknown stay unknown
 * ({@link org.malau.data.AuLabels#UNKNOWN}, NaN intensity, null expression), never 0. Bad input
 * stops with a {@link org.malau.data.readers.DatasetFormatException} naming the file and line;
 * samples left out on purpose (missing images when skipping, AffectNet's non-expression codes) are
 * counted in the {@link org.malau.data.readers.ReadReport}. Only JDK classes are used.
 */
package org.malau.data.readers;
