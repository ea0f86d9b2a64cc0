package dev.countersign.sops.internal;

import dev.countersign.limits.InputLimits;
import dev.countersign.sops.FileLimitException;

/**
 * Counts what a parser builds from one file and refuses the file past {@link InputLimits#SECRETS_FILE_ITEMS}, so
 * a small file of many tiny keys fails fast with a typed error instead of exhausting the heap.
 */
final class ItemBudget {
    private final String format;
    private int left = InputLimits.SECRETS_FILE_ITEMS;

    private ItemBudget(String format) {
        this.format = format;
    }

    /**
     * A fresh budget for one file.
     *
     * @param format the store's name, for the message
     * @return the budget
     */
    static ItemBudget of(String format) {
        return new ItemBudget(format);
    }

    /**
     * Spends one item.
     *
     * @throws FileLimitException when the file holds more items than the limit
     */
    void spend() {
        if (--left < 0) {
            throw new FileLimitException(format + " file has more than " + InputLimits.SECRETS_FILE_ITEMS
                    + " keys, values and comments: the limit is " + InputLimits.SECRETS_FILE_ITEMS);
        }
    }
}
