package dev.countersign.gitops;

import dev.countersign.render.ClusterApiMapping;
import dev.countersign.stack.Environment;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Proposer} proposes for an environment's definition: the environment as it is to be, why, what backs
 * it, the observation it answers, and the host's Cluster API mapping. Named, like {@link ProposalRequest}:
 *
 * <pre>{@code
 * proposer.proposeEnvironment(EnvironmentRequest.of(stagingWithThreeWorkers)
 *         .rationale("memory pressure on the workers")
 *         .insight(pressure)
 *         .clusterApi(hetzner));
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy.
 *
 * @param environment the environment as it is to be; its name is the environment changed
 * @param rationale why the change is needed; empty until {@link #rationale(String)}
 * @param evidence links or notes backing the rationale; empty until {@link #evidence(List)}
 * @param insight the observation the change answers, or null (the default) for none
 * @param clusterApi the mapping of the environment's topology onto the host's Cluster API provider, recorded as
 *     {@code .countersign/cluster-api/<env>.yaml} with the Cluster API files rendered from it; null (the default)
 *     keeps the recorded mapping, if any
 */
public record EnvironmentRequest(
        Environment environment,
        String rationale,
        List<String> evidence,
        @Nullable Insight insight,
        @Nullable ClusterApiMapping clusterApi) {

    /**
     * Checks the parts and copies the evidence.
     *
     * @param environment see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param insight see the record component
     * @param clusterApi see the record component
     * @throws NullPointerException if the environment, rationale or evidence is null
     */
    public EnvironmentRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(rationale, "rationale");
        evidence = List.copyOf(evidence);
    }

    /**
     * Returns the request to propose an environment as it is to be, without rationale, evidence, insight or mapping.
     *
     * @param environment the environment as it is to be
     * @return the request
     */
    public static EnvironmentRequest of(Environment environment) {
        return new EnvironmentRequest(environment, "", List.of(), null, null);
    }

    /**
     * Returns this request with a rationale.
     *
     * @param why why the change is needed
     * @return the copy
     */
    public EnvironmentRequest rationale(String why) {
        return new EnvironmentRequest(environment, why, evidence, insight, clusterApi);
    }

    /**
     * Returns this request with its evidence.
     *
     * @param links links or notes backing the rationale, replacing any given before
     * @return the copy
     */
    public EnvironmentRequest evidence(List<String> links) {
        return new EnvironmentRequest(environment, rationale, links, insight, clusterApi);
    }

    /**
     * Returns this request with the observation it answers, shown on the review.
     *
     * @param observed the insight
     * @return the copy
     */
    public EnvironmentRequest insight(Insight observed) {
        return new EnvironmentRequest(environment, rationale, evidence, observed, clusterApi);
    }

    /**
     * Returns this request with the host's Cluster API mapping, recorded with the environment.
     *
     * @param mapping the mapping onto the host's infrastructure provider
     * @return the copy
     */
    public EnvironmentRequest clusterApi(ClusterApiMapping mapping) {
        return new EnvironmentRequest(environment, rationale, evidence, insight, mapping);
    }
}
