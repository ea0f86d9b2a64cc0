package dev.countersign.sops.internal;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A YAML parser that spends one {@link ItemBudget} item per event it hands to the composer, so the node tree of a
 * hostile file is never built past the limit.
 *
 * @param parser the parser counted
 * @param budget the file's budget
 */
record CountingParser(Parser parser, ItemBudget budget) implements Parser {
    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event next() {
        budget.spend();
        return parser.next();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }
}
