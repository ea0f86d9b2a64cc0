package dev.countersign.signatures.ssh;

/** A key held by an ssh-agent: the agent signs, the private key never leaves it. */
public final class AgentSigningKey implements SigningKey {
    private final SshAgentClient agent;
    private final byte[] publicKeyBlob;

    /**
     * Creates a key the agent holds.
     *
     * @param agent the agent
     * @param publicKeyBlob the key's public blob, as the agent lists it
     */
    public AgentSigningKey(SshAgentClient agent, byte[] publicKeyBlob) {
        this.agent = agent;
        this.publicKeyBlob = publicKeyBlob.clone();
    }

    @Override
    public byte[] publicKeyBlob() {
        return publicKeyBlob.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        return agent.sign(publicKeyBlob, data);
    }
}
