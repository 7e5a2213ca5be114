/**
 * Loading of the native stack (ND4J, OpenBLAS, OpenCV through JavaCPP) in a way that works both on a
 * flat class path and inside OSGi (KNIME), plus a self-check users can run on their own machine.
 */
package org.malau.runtime;
