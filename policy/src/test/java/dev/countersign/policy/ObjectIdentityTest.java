package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.stack.DuplicateObjectException;
import dev.countersign.stack.InvalidNameException;
import dev.countersign.stack.ObjectKey;
import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFiles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, item 3: an object's identity is a structured key, so a decoy cannot take the key of a
 * protected object while the real one is dropped.
 */
class ObjectIdentityTest {
    private static final String REAL_PVC = """
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata: {name: data, namespace: db}
                      spec: {resources: {requests: {storage: 10Gi}}}
            """;

    private final PolicyEngine engine = Fixtures.engine();

    /** The fixture stack with the protected PVC {@code db/data} replaced by {@code replacement}. */
    private static String dropRealPvcFor(String replacement) {
        if (!Fixtures.STACK.contains(REAL_PVC)) {
            throw new IllegalStateException("the fixture changed");
        }
        return Fixtures.STACK.replace(REAL_PVC, replacement);
    }

    private Decision propose(Principal who, Change change) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                .change(change)
                .build());
    }

    @Nested
    class AtParse {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "PersistentVolumeClaim/db", // the decoy of the red-team report
                    "PersistentVolumeClaim~1db", // a JSON-pointer escape of '/'
                    "PersistentVolumeClaim/db/data",
                    "persistentVolumeClaim", // a kind starts upper case
                    "PersistentVolume\u0421laim", // Cyrillic Es, a look-alike of C
                    "ＰersistentVolumeClaim", // full-width P
                    "PersistentVolumeClaim ", // trailing space
                    "${k}", // a variable: identity must not depend on one
                    "Persistent${k}"
                })
        void refusesAKindThatIsNotAKubernetesKind(String kind) {
            String decoy = REAL_PVC.replace("kind: PersistentVolumeClaim", "kind: \"" + kind + "\"");

            assertThatThrownBy(() -> Fixtures.stack(dropRealPvcFor(decoy)))
                    .isInstanceOfSatisfying(
                            InvalidNameException.class,
                            e -> assertThat(e.name()).isEqualTo(kind))
                    .hasMessageStartingWith("invalid kind '");
        }

        @ParameterizedTest
        @ValueSource(strings = {"${version}", "v1/${x}", "Core/v1", "v1/", "/v1"})
        void refusesAnApiVersionThatIsNotGroupAndVersion(String apiVersion) {
            String decoy = REAL_PVC.replace("apiVersion: v1", "apiVersion: \"" + apiVersion + "\"");

            assertThatThrownBy(() -> Fixtures.stack(dropRealPvcFor(decoy)))
                    .isInstanceOfSatisfying(
                            InvalidNameException.class,
                            e -> assertThat(e.name()).isEqualTo(apiVersion));
        }

        @ParameterizedTest
        @ValueSource(strings = {"db/data", "db~1data", "Data"})
        void refusesNamesThatAreNotDnsNames(String name) {
            String decoy = REAL_PVC.replace("name: data", "name: \"" + name + "\"");

            assertThatThrownBy(() -> Fixtures.stack(dropRealPvcFor(decoy))).isInstanceOf(InvalidNameException.class);
        }

        @Test
        void refusesTwoDeclarationsOfOneObjectNamingBothComponents() {
            String twice = Fixtures.STACK.replace(
                    "      data: {max_connections: \"100\"}\n", "      data: {max_connections: \"100\"}\n" + REAL_PVC);

            assertThatThrownBy(() -> Fixtures.stack(twice))
                    .hasMessageContaining("(at /spec/components/1/manifests/0)")
                    .cause()
                    .isInstanceOfSatisfying(DuplicateObjectException.class, e -> {
                        assertThat(e.key()).isEqualTo(new ObjectKey("", "PersistentVolumeClaim", "db", "data"));
                        assertThat(e.first()).isEqualTo("postgres");
                        assertThat(e.second()).isEqualTo("storage");
                    })
                    .hasMessageContaining("in component 'postgres' and in component 'storage'");
        }

        @Test
        void refusesADuplicateYamlKeyThatWouldHideTheRealKind() {
            String decoy = REAL_PVC.replace(
                    "kind: PersistentVolumeClaim", "kind: PersistentVolumeClaim\n      kind: ConfigMap");

            assertThatThrownBy(() -> Fixtures.stack(dropRealPvcFor(decoy))).isInstanceOf(StackException.class);
        }

        @Test
        void refusesAMergeKeyThatWouldCopyTheRealIdentity() {
            String anchored = Fixtures.STACK.replace(
                    "      kind: PersistentVolumeClaim\n", "      kind: PersistentVolumeClaim\n      labels: &id {}\n");

            assertThatThrownBy(() -> StackFiles.parseStack(
                            anchored.replace("      kind: Deployment\n", "      kind: Deployment\n      <<: *id\n"),
                            "test"))
                    .isInstanceOf(StackException.class);
        }
    }

    @Nested
    class Protection {
        @Test
        void seesTheDeletionWhenADecoyOfAnotherGroupTakesTheName() {
            String decoy = REAL_PVC.replace("apiVersion: v1", "apiVersion: decoy.example.com/v1");

            Decision decision = propose(DAVE, Fixtures.change(Fixtures.STACK, dropRealPvcFor(decoy)));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer, Reason::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "protection",
                            "storage",
                            "/manifests/0",
                            "PersistentVolumeClaim/db/data is protected in the recorded state; deleting it is denied;"
                                    + " record a separate unprotect change first"));
        }

        @Test
        void seesTheDeletionWhenADecoyDiffersOnlyInCase() {
            String decoy = REAL_PVC.replace("kind: PersistentVolumeClaim", "kind: PersistentVolumeclaim");

            Decision decision = propose(BUILDER, Fixtures.change(Fixtures.STACK, dropRealPvcFor(decoy)));

            assertThat(decision.reasons())
                    .filteredOn(r -> r.rule().equals("protection"))
                    .extracting(Reason::component, Reason::pointer)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("storage", "/manifests/0"));
        }

        @Test
        void followsAnObjectMovedToAnotherComponentOfTheStackByItsKey() {
            String placeholder = """
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: storage-note, namespace: db}
                """;
            String moved = dropRealPvcFor(placeholder)
                    .replace(
                            "      data: {max_connections: \"100\"}\n",
                            "      data: {max_connections: \"100\"}\n" + REAL_PVC);

            Decision decision = propose(DAVE, Fixtures.change(Fixtures.STACK, moved));

            assertThat(decision.reasons()).extracting(Reason::rule).doesNotContain("protection");
        }
    }
}
