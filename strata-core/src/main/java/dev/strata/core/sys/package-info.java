/**
 * The Linux system calls Java does not offer, through the FFM API ({@code java.lang.foreign}); the only
 * package of Strata that touches native code. Failures come out as
 * {@link dev.strata.core.sys.ErrnoException} with the errno, so callers branch on numbers, not text.
 */
package dev.strata.core.sys;
