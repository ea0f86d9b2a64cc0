/**
 * Approver signatures and commit signatures as Countersign keeps them, for gitops only: the encoding of an
 * approval signature in a record's trailers ({@link dev.countersign.signatures.approvals.ApprovalSignatures}),
 * the keys a policy registers for one approver and the check of a signature against them
 * ({@link dev.countersign.signatures.approvals.RegisteredKeys}), the approvers' trusted certificates
 * ({@link dev.countersign.signatures.approvals.ApproverKeyring}) and a raw commit object split into its
 * signature and signed payload ({@link dev.countersign.signatures.approvals.SignedCommit}).
 */
@NullMarked
package dev.countersign.signatures.approvals;

import org.jspecify.annotations.NullMarked;
