package dev.countersign.policy;

import dev.countersign.stack.Location;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The secret and credential rules for variable defaults ({@code spec.variables}): a default is judged
 * as if its value stood at every place the variable lands (directly or through other defaults). At a
 * secret place a default must not be plaintext ({@code secret-plaintext}), and only a human acting for
 * themself defines or changes it ({@code secrets-from-humans}); elsewhere it must not look like a
 * credential ({@code credential-in-value}). Only what the change brings is judged: a new or changed
 * default, or a new place for an old one. Messages name the variable and the place, never the value.
 */
final class VariableDefaultRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        if (change == null) {
            return;
        }
        StackVariables before = change.base().variables();
        StackVariables after = change.proposed().variables();
        for (Map.Entry<String, JsonNode> entry : after.defaults().entrySet()) {
            String name = entry.getKey();
            boolean changed = !entry.getValue().equals(before.defaults().get(name));
            Set<Location> old = before.placesOf(name);
            for (Location place : after.placesOf(name)) {
                if (changed || !old.contains(place)) {
                    judge(e, change.proposed(), name, entry.getValue(), place, changed);
                }
            }
        }
    }

    private static void judge(
            Evaluation e, Snapshot proposed, String name, JsonNode value, Location place, boolean changed) {
        ComponentState component = proposed.components().get(place.component());
        if (component == null) {
            return;
        }
        if (component.isSecret(place.pointer())) {
            judgeSecretPlace(e, name, value, place, changed);
        } else {
            credentialIn(keyOf(place.pointer()), value)
                    .ifPresent(kind -> e.deny(
                            BuiltInRule.CREDENTIAL,
                            "the default of variable '" + name + "' looks like a " + kind
                                    + " and lands here; credentials belong in a secret path, supplied separately",
                            place.component(),
                            place.pointer()));
        }
    }

    private static void judgeSecretPlace(Evaluation e, String name, JsonNode value, Location place, boolean changed) {
        if (hasPlaintext(value)) {
            e.deny(
                    BuiltInRule.SECRET_PLAINTEXT,
                    "the default of variable '" + name + "' is plaintext and lands in this secret path; remove the"
                            + " default and supply the secret separately, so it is encrypted before it is recorded",
                    place.component(),
                    place.pointer());
        }
        Principal author = e.request.author();
        if (changed && author.kind() != Principal.Kind.HUMAN) {
            e.deny(
                    BuiltInRule.SECRETS_FROM_HUMANS,
                    author + " may not define or change the default of variable '" + name
                            + "', which lands in this secret path: secret values come only from a human acting"
                            + " for themself",
                    place.component(),
                    place.pointer());
        }
    }

    private static boolean hasPlaintext(JsonNode value) {
        if (value.isContainer()) {
            for (JsonNode child : value) {
                if (hasPlaintext(child)) {
                    return true;
                }
            }
            return false;
        }
        return SecretRule.isPlaintext(value);
    }

    private static Optional<String> credentialIn(String key, JsonNode value) {
        if (value.isObject()) {
            return value.properties().stream()
                    .map(p -> credentialIn(p.getKey(), p.getValue()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (value.isArray()) {
            for (JsonNode child : value) {
                Optional<String> found = credentialIn(key, child);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return value.isString() ? Credentials.detect(key, value.stringValue()) : Optional.empty();
    }

    private static String keyOf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
