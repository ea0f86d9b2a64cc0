/**
 * Signing and verifying bytes: OpenSSH {@code sshsig} signatures with keys from files or an ssh-agent, and
 * OpenPGP signatures (commit and approval signatures).
 */
module dev.countersign.signatures {
    requires static transitive org.jspecify;
    requires org.bouncycastle.provider;
    requires dev.countersign.limits;
    requires org.bouncycastle.pg;
    requires org.apache.sshd.osgi;

    exports dev.countersign.signatures;
    exports dev.countersign.signatures.keys;
    exports dev.countersign.signatures.approvals to
            dev.countersign.gitops;
}
