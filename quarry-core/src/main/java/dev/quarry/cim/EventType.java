package dev.quarry.cim;

import dev.quarry.exec.RowPredicate;

/**
 * An event type, as eventtypes.conf defines it: a name given to every raw event that matches a search-language
 * filter. Events carry the names of their event types in the multivalue field {@code eventtype}.
 */
public record EventType(String name, String searchText, RowPredicate search, String origin) {
}
