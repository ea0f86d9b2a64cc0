package dev.countersign.policy;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Built-in rule 5: no plaintext in a secret path (a component's {@code secrets}, a Secret's {@code
 * data}/{@code stringData}), and no credential-looking value anywhere else.
 */
final class SecretRule implements Rule {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    /** A sops ciphertext: {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}, base64 parts. */
    private static final Pattern CIPHERTEXT = Pattern.compile(
            "ENC\\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:[a-z]+]");

    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        if (change == null) {
            return;
        }
        for (Edit edit : change.edits()) {
            JsonNode value = edit.after();
            if (value == null || value.isContainer()) {
                continue;
            }
            ComponentState component = change.proposed().components().get(edit.component());
            if (component != null && component.isSecret(edit.pointer())) {
                if (!change.rendered()) {
                    checkSecretPath(e, edit, value);
                }
            } else if (value.isString()) {
                checkCredential(e, edit, value.stringValue());
            }
        }
    }

    private static void checkSecretPath(Evaluation e, Edit edit, JsonNode value) {
        if (isPlaintext(value)) {
            e.deny(
                    BuiltInRule.SECRET_PLAINTEXT,
                    "plaintext value in a secret path; reference a variable such as"
                            + " ${name} and supply the secret separately, so it is encrypted before it is recorded",
                    edit.component(),
                    edit.pointer());
        }
    }

    static boolean isPlaintext(JsonNode value) {
        if (value.isNull()) {
            return false;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return !text.isEmpty() && !REFERENCE.matcher(text).matches() && !isCiphertext(text);
    }

    /** Tells whether a value is a whole sops ciphertext, not just a value that starts like one. */
    static boolean isCiphertext(String text) {
        return CIPHERTEXT.matcher(text).matches();
    }

    private static void checkCredential(Evaluation e, Edit edit, String value) {
        Optional<String> looksLike = Credentials.detect(edit.key(), value);
        looksLike.ifPresent(kind -> e.deny(
                BuiltInRule.CREDENTIAL,
                "value looks like a " + kind + "; credentials belong in a secret path, referenced as ${name}",
                edit.component(),
                edit.pointer()));
    }
}
