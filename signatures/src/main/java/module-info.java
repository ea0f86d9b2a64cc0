/** Signing and verifying bytes: OpenSSH {@code sshsig} signatures with keys from files or an ssh-agent. */
module dev.countersign.signatures {
    requires static transitive org.jspecify;
    requires org.bouncycastle.provider;
    requires org.apache.sshd.osgi;

    exports dev.countersign.signatures;
}
