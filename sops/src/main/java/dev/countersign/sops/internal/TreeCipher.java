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
    private final boolean commentRule;
    private final Deque<List<String>> comments = new ArrayDeque<>();
    // The map keys from the root to the current value, and the same keys as the AAD prefix
    // "k1:k2:...:", both grown and shrunk in step with the walk.
    private final List<String> path = new ArrayList<>();
    private final StringBuilder aad = new StringBuilder();

    private TreeCipher(ValueCipher cipher, EncryptionRule rule, boolean macOnlyEncrypted, boolean encrypting) {
        this.cipher = cipher;
        this.rule = rule;
        this.macOnlyEncrypted = macOnlyEncrypted;
        this.encrypting = encrypting;
        this.mac = new Mac(macOnlyEncrypted);
        this.commentRule = rule.kind() == EncryptionRule.Kind.UNENCRYPTED_COMMENT_REGEX
                || rule.kind() == EncryptionRule.Kind.ENCRYPTED_COMMENT_REGEX;
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
            out.add(walkMap(document));
        }
        return new Result(out, mac.hex());
    }

    private MapNode walkMap(MapNode map) {
        List<String> level = new ArrayList<>();
        comments.addLast(level);
        List<Item> items = new ArrayList<>(map.items().size());
        for (Item item : map.items()) {
            if (item instanceof Comment comment) {
                items.add(walkComment(comment.text(), level));
            } else {
                Pair pair = (Pair) item;
                items.add(new Pair(pair.key(), walkUnder(pair.key(), pair.value())));
                level.clear();
            }
        }
        comments.removeLast();
        return new MapNode(items);
    }

    private Node walkUnder(String key, Node value) {
        int aadLength = aad.length();
        path.add(key);
        aad.append(key).append(':');
        try {
            return walkValue(value);
        } finally {
            path.remove(path.size() - 1);
            aad.setLength(aadLength);
        }
    }

    private ListNode walkList(ListNode list) {
        List<String> level = new ArrayList<>();
        comments.addLast(level);
        List<Node> elements = new ArrayList<>(list.elements().size());
        for (Node element : list.elements()) {
            if (element instanceof Comment comment) {
                elements.add(encryptListComment(comment, level));
            } else if (!encrypting && element instanceof Scalar s && isEncryptedComment(s)) {
                elements.add(walkComment(s.text(), level));
            } else {
                elements.add(walkValue(element));
                level.clear();
            }
        }
        comments.removeLast();
        return new ListNode(elements);
    }

    private Node encryptListComment(Comment comment, List<String> level) {
        Comment walked = walkComment(comment.text(), level);
        boolean changed = encrypting && !walked.text().equals(comment.text());
        return changed ? Scalar.str(walked.text()) : walked;
    }

    private boolean isEncryptedComment(Scalar scalar) {
        if (scalar.type() != ValueType.STR || !EncValue.looksEncrypted(scalar.text())) {
            return false;
        }
        try {
            return EncValue.parse(scalar.text(), () -> String.join(":", path)).type() == ValueType.COMMENT;
        } catch (MalformedValueException e) {
            return false;
        }
    }

    private Comment walkComment(String text, List<String> level) {
        if (encrypting) {
            level.add(text);
            boolean encrypt = !text.isEmpty() && rule.encrypts(path, stackedComments(), true, text);
            return new Comment(encrypt ? cipher.encrypt(Scalar.of(ValueType.COMMENT, text), aad()) : text);
        }
        String plain = decryptComment(text);
        level.add(plain);
        return new Comment(plain);
    }

    private String decryptComment(String text) {
        if (!EncValue.looksEncrypted(text)) {
            return text;
        }
        try {
            return cipher.decrypt(text, aad(), this::where).text();
        } catch (TamperedValueException | MalformedValueException e) {
            // sops keeps comments it cannot decrypt (files from before comments were encrypted)
            return text;
        }
    }

    private Node walkValue(Node value) {
        if (value instanceof MapNode map) {
            return walkMap(map);
        }
        if (value instanceof ListNode list) {
            return walkList(list);
        }
        if (value instanceof Scalar scalar) {
            return walkScalar(scalar);
        }
        return value;
    }

    private Node walkScalar(Scalar scalar) {
        // key rules ignore the comments, so only comment rules pay for gathering them
        List<String> above = commentRule ? stackedComments() : List.of();
        boolean selected = rule.encrypts(path, above, false, "");
        if (!selected) {
            if (!macOnlyEncrypted) {
                mac.add(scalar);
            }
            return scalar;
        }
        return encrypting ? encryptScalar(scalar) : decryptScalar(scalar);
    }

    private Node encryptScalar(Scalar scalar) {
        mac.add(scalar);
        if (scalar.isEmpty()) {
            return scalar;
        }
        return Scalar.str(cipher.encrypt(scalar, aad()));
    }

    private Node decryptScalar(Scalar scalar) {
        if (scalar.type() != ValueType.STR) {
            throw new MalformedValueException("value at " + Redacted.path(where())
                    + " should be encrypted but is a plain " + scalar.type().wireName());
        }
        if (scalar.isEmpty()) {
            return scalar;
        }
        Scalar plain = cipher.decrypt(scalar.text(), aad(), this::where);
        mac.add(plain);
        return plain;
    }

    private List<String> stackedComments() {
        List<String> all = new ArrayList<>();
        comments.forEach(all::addAll);
        return all;
    }

    /** The AAD of the current position: {@code k1:k2:} for a value, {@code :} at a document's top level. */
    private String aad() {
        return aad.length() == 0 ? ":" : aad.toString();
    }

    private String where() {
        return String.join(".", path);
    }
}
