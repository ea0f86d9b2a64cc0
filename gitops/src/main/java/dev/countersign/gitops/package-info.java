/**
 * The contract of Countersign: an agent proposes a draft, a human approves it, Git records the result.
 * The proposal lifecycle, its handles and the offline verifier live here.
 */
@NullMarked
package dev.countersign.gitops;

import org.jspecify.annotations.NullMarked;
