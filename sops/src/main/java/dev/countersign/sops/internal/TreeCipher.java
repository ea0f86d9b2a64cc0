package dev.countersign.sops.internal;

import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.MalformedValueException;
import dev.countersign.sops.TamperedValueException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Walks the documents of a file, encrypting or decrypting the values the rule selects and computing the
 * MAC over all values in document order (comments and nulls excluded). One instance walks once.
 */
public final class TreeCipher {
    private final ValueCipher cipher;
    private final EncryptionRule rule;
    private final boolean macOnlyEncrypted;
    private final boolean encrypting;
    private final Mac mac;
    private final Deque<List<String>> comments = new ArrayDeque<>();

    private TreeCipher(ValueCipher cipher, EncryptionRule rule, boolean macOnlyEncrypted, boolean encrypting) {
        this.cipher = cipher;
        this.rule = rule;
        this.macOnlyEncrypted = macOnlyEncrypted;
        this.encrypting = encrypting;
        this.mac = new Mac(macOnlyEncrypted);
    }

    /**
     * The documents after a walk and the MAC of their plaintext.
     *
     * @param documents the encrypted or decrypted documents
     * @param mac the MAC as 128 uppercase hex characters
     */
    public record Result(List<MapNode> documents, String mac) {
        /**
         * Copies the documents.
         *
         * @param documents the documents
         * @param mac the MAC
         */
        public Result {
            documents = List.copyOf(documents);
        }
    }

    /**
     * Encrypts the selected values of plaintext documents.
     *
     * @param documents the plaintext documents
     * @param cipher the value cipher with the data key
     * @param rule the selection rule
     * @param macOnlyEncrypted whether only encrypted values enter the MAC
     * @return the encrypted documents and the MAC
     */
    public static Result encrypt(
            List<MapNode> documents, ValueCipher cipher, EncryptionRule rule, boolean macOnlyEncrypted) {
        return new TreeCipher(cipher, rule, macOnlyEncrypted, true).walkAll(documents);
    }

    /**
     * Decrypts the selected values of encrypted documents.
     *
     * @param documents the encrypted documents, without metadata
     * @param cipher the value cipher with the data key
     * @param rule the selection rule
     * @param macOnlyEncrypted whether only encrypted values enter the MAC
     * @return the plaintext documents and the MAC
     */
    public static Result decrypt(
            List<MapNode> documents, ValueCipher cipher, EncryptionRule rule, boolean macOnlyEncrypted) {
        return new TreeCipher(cipher, rule, macOnlyEncrypted, false).walkAll(documents);
    }

    private Result walkAll(List<MapNode> documents) {
        List<MapNode> out = new ArrayList<>();
        for (MapNode document : documents) {
            out.add(walkMap(document, List.of()));
        }
        return new Result(out, mac.hex());
    }

    private MapNode walkMap(MapNode map, List<String> path) {
        List<String> level = new ArrayList<>();
        comments.addLast(level);
        List<Item> items = new ArrayList<>();
        for (Item item : map.items()) {
            if (item instanceof Comment comment) {
                items.add(walkComment(comment.text(), path, level));
            } else {
                Pair pair = (Pair) item;
                items.add(new Pair(pair.key(), walkValue(pair.value(), append(path, pair.key()))));
                level.clear();
            }
        }
        comments.removeLast();
        return new MapNode(items);
    }

    private ListNode walkList(ListNode list, List<String> path) {
        List<String> level = new ArrayList<>();
        comments.addLast(level);
        List<Node> elements = new ArrayList<>();
        for (Node element : list.elements()) {
            if (element instanceof Comment comment) {
                elements.add(encryptListComment(comment, path, level));
            } else if (!encrypting && element instanceof Scalar s && isEncryptedComment(s, path)) {
                elements.add(walkComment(s.text(), path, level));
            } else {
                elements.add(walkValue(element, path));
                level.clear();
            }
        }
        comments.removeLast();
        return new ListNode(elements);
    }

    private Node encryptListComment(Comment comment, List<String> path, List<String> level) {
        Comment walked = walkComment(comment.text(), path, level);
        boolean changed = encrypting && !walked.text().equals(comment.text());
        return changed ? Scalar.str(walked.text()) : walked;
    }

    private boolean isEncryptedComment(Scalar scalar, List<String> path) {
        if (scalar.type() != ValueType.STR || !EncValue.looksEncrypted(scalar.text())) {
            return false;
        }
        try {
            return EncValue.parse(scalar.text(), String.join(":", path)).type() == ValueType.COMMENT;
        } catch (MalformedValueException e) {
            return false;
        }
    }

    private Comment walkComment(String text, List<String> path, List<String> level) {
        if (encrypting) {
            level.add(text);
            boolean encrypt = !text.isEmpty() && rule.encrypts(path, stackedComments(), true, text);
            return new Comment(encrypt ? cipher.encrypt(Scalar.of(ValueType.COMMENT, text), aad(path)) : text);
        }
        String plain = decryptComment(text, path);
        level.add(plain);
        return new Comment(plain);
    }

    private String decryptComment(String text, List<String> path) {
        if (!EncValue.looksEncrypted(text)) {
            return text;
        }
        try {
            return cipher.decrypt(text, aad(path), String.join(".", path)).text();
        } catch (TamperedValueException | MalformedValueException e) {
            // sops keeps comments it cannot decrypt (files from before comments were encrypted)
            return text;
        }
    }

    private Node walkValue(Node value, List<String> path) {
        if (value instanceof MapNode map) {
            return walkMap(map, path);
        }
        if (value instanceof ListNode list) {
            return walkList(list, path);
        }
        if (value instanceof Scalar scalar) {
            return walkScalar(scalar, path);
        }
        return value;
    }

    private Node walkScalar(Scalar scalar, List<String> path) {
        boolean selected = rule.encrypts(path, stackedComments(), false, "");
        if (!selected) {
            if (!macOnlyEncrypted) {
                mac.add(scalar);
            }
            return scalar;
        }
        return encrypting ? encryptScalar(scalar, path) : decryptScalar(scalar, path);
    }

    private Node encryptScalar(Scalar scalar, List<String> path) {
        mac.add(scalar);
        if (scalar.isEmpty()) {
            return scalar;
        }
        return Scalar.str(cipher.encrypt(scalar, aad(path)));
    }

    private Node decryptScalar(Scalar scalar, List<String> path) {
        String where = String.join(".", path);
        if (scalar.type() != ValueType.STR) {
            throw new MalformedValueException("value at '" + where + "' should be encrypted but is a plain "
                    + scalar.type().wireName());
        }
        if (scalar.isEmpty()) {
            return scalar;
        }
        Scalar plain = cipher.decrypt(scalar.text(), aad(path), where);
        mac.add(plain);
        return plain;
    }

    private List<String> stackedComments() {
        List<String> all = new ArrayList<>();
        comments.forEach(all::addAll);
        return all;
    }

    private static String aad(List<String> path) {
        return String.join(":", path) + ":";
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }
}
