/**
 * The keys a host hands to Countersign, as handles that never show key material: an unlocked OpenPGP
 * {@link dev.countersign.signatures.keys.SigningKey} that signs commits and approvals, the
 * {@link dev.countersign.signatures.keys.TrustedKeys} a verifier accepts, the
 * {@link dev.countersign.signatures.keys.SshIdentity} and {@link dev.countersign.signatures.keys.TrustedCertificates}
 * a remote Git server is reached with.
 */
@NullMarked
package dev.countersign.signatures.keys;

import org.jspecify.annotations.NullMarked;
