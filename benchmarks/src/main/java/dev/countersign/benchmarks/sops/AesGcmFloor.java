package dev.countersign.benchmarks.sops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The least work any SOPS implementation must do: a snakeyaml-engine parse of the file plus raw
 * AES-256-GCM over every value, with the file's data key, 32-byte IVs and key-path AADs. No MAC, no
 * key unwrapping, no output document, no type checks. One {@link Cipher} is reused for all values.
 */
public final class AesGcmFloor {
    private static final int TAG_BYTES = 16;
    private static final int IV_BYTES = 32;
    private static final String ENC_PREFIX = "ENC[AES256_GCM,";

    private final SecretKeySpec key;
    private final Cipher cipher;
    private final SecureRandom random;

    /**
     * Creates a floor over a data key.
     *
     * @param dataKey the 32-byte data key
     * @param random the source of IVs for {@link #encrypt}
     */
    public AesGcmFloor(byte[] dataKey, SecureRandom random) {
        this.key = new SecretKeySpec(dataKey, "AES");
        this.random = random;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Parses an encrypted YAML file and replaces every {@code ENC[...]} value in place by its
     * plaintext string; the {@code sops} metadata is dropped.
     *
     * @param encrypted the SOPS YAML
     * @return the parsed tree with plaintext strings as leaves
     */
    public Object decrypt(byte[] encrypted) {
        Object tree = parse(encrypted);
        if (tree instanceof Map<?, ?> map) {
            map.remove("sops");
        }
        return walk(tree, new ArrayList<>(), true);
    }

    /**
     * Parses a plaintext YAML file and replaces every leaf in place by its {@code ENC[...]} string.
     *
     * @param plaintext the plaintext YAML
     * @return the parsed tree with encrypted strings as leaves
     */
    public Object encrypt(byte[] plaintext) {
        return walk(parse(plaintext), new ArrayList<>(), false);
    }

    /** Parses without snakeyaml-engine's 3 MB default limit (the encrypted benchmark file is larger), as sops does. */
    private static Object parse(byte[] yaml) {
        Object tree = new Load(LoadSettings.builder()
                        .setCodePointLimit(Integer.MAX_VALUE)
                        .build())
                .loadFromString(new String(yaml, StandardCharsets.UTF_8));
        if (tree == null) {
            throw new IllegalArgumentException("the YAML document is empty");
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private Object walk(Object node, List<String> path, boolean decrypting) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) map).entrySet()) {
                path.add(String.valueOf(entry.getKey()));
                entry.setValue(walk(entry.getValue(), path, decrypting));
                path.remove(path.size() - 1);
            }
            return map;
        }
        if (node instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            for (int i = 0; i < elements.size(); i++) {
                elements.set(i, walk(elements.get(i), path, decrypting));
            }
            return list;
        }
        String aad = String.join(":", path) + ":";
        return decrypting ? open(String.valueOf(node), aad) : seal(node, aad);
    }

    private String open(String enc, String aad) {
        if (!enc.startsWith(ENC_PREFIX)) {
            return enc;
        }
        String[] fields = enc.substring(ENC_PREFIX.length(), enc.length() - 1).split(",", -1);
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] data = base64.decode(fields[0].substring("data:".length()));
        byte[] iv = base64.decode(fields[1].substring("iv:".length()));
        byte[] tag = base64.decode(fields[2].substring("tag:".length()));
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            cipher.update(data);
            return new String(cipher.doFinal(tag), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a value failed authentication", e);
        }
    }

    private String seal(Object value, String aad) {
        String type = value instanceof Integer || value instanceof Long
                ? "int"
                : value instanceof Boolean ? "bool" : value instanceof Double ? "float" : "str";
        byte[] plain = typed(value).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            Base64.Encoder base64 = Base64.getEncoder();
            return ENC_PREFIX + "data:" + base64.encodeToString(java.util.Arrays.copyOf(sealed, plain.length))
                    + ",iv:" + base64.encodeToString(iv)
                    + ",tag:" + base64.encodeToString(java.util.Arrays.copyOfRange(sealed, plain.length, sealed.length))
                    + ",type:" + type + "]";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static String typed(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return String.valueOf(value);
    }
}
