/**
 * The meta net psi of Meta Auxiliary Learning: a tiny plain-Java MLP that turns a sample's
 * detached backbone features and its task into a loss weight in (0, 1), with a hand-written
 * backward pass and its own Adam optimiser. Library-neutral by design: it never touches ND4J.
 */
package org.malau.meta;
