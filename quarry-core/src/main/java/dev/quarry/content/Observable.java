package dev.quarry.content;

import java.util.List;

/** An ESCU observable: a result field ({@code name}), what it is ({@code type}) and its roles (Victim, Attacker). */
public record Observable(String name, String type, List<String> roles) {
    public Observable {
        roles = List.copyOf(roles);
    }
}
