package dev.quarry.plan;

import dev.quarry.spl.Unescape;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of a command kept as tokens ({@link GenericCommand}), read the way most SPL commands take them:
 * {@code name=value} options (names lowercased), and the remaining words in order, quotes removed and backslashes
 * unescaped one level. A subsearch is the word {@code [n]} with its pipeline at {@link #subsearch(int)}.
 *
 * <p>Example: {@code rex field=process max_match=0 "(?<x>\d+)"} gives options {@code field=process},
 * {@code max_match=0} and one word, the regular expression.
 */
public final class CommandArguments {
    private final GenericCommand command;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> words = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();

    public CommandArguments(GenericCommand command) {
        this.command = command;
        List<String> tokens = command.arguments();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean isOption = i + 2 < tokens.size() && tokens.get(i + 1).equals("=") && !token.startsWith("\"")
                    && !isSubsearch(token);
            if (isOption) {
                options.put(token.toLowerCase(Locale.ROOT), Unescape.argument(tokens.get(i + 2)));
                i += 2;
                continue;
            }
            words.add(isSubsearch(token) ? token : Unescape.argument(token));
            quoted.add(token.startsWith("\""));
        }
    }

    private static boolean isSubsearch(String token) {
        return token.startsWith("[") && token.endsWith("]") && token.length() > 2
                && token.substring(1, token.length() - 1).chars().allMatch(Character::isDigit);
    }

    public GenericCommand command() {
        return command;
    }

    public Map<String, String> options() {
        return options;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** Returns an option as an integer, or throws {@link PlanException} naming the option and the value. */
    public int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw PlanException.invalid(command.name() + ": " + name + " must be a whole number, not [" + v + "]",
                    command.span());
        }
    }

    /** Returns an option as a boolean (true, t, 1, false, f, 0), or throws {@link PlanException}. */
    public boolean booleanOption(String name, boolean fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no" -> false;
            default -> throw PlanException.invalid(command.name() + ": " + name + " must be true or false, not ["
                    + v + "]", command.span());
        };
    }

    /** Throws {@link PlanException} for an option this command does not implement. */
    public void allowOptions(String... names) {
        List<String> allowed = List.of(names);
        for (String o : options.keySet()) {
            if (!allowed.contains(o)) {
                throw PlanException.unsupported(command.name() + " option " + o + "=" + options.get(o),
                        command.span());
            }
        }
    }

    /** The words that are not options, in order: field names, quoted strings, keywords, {@code [n]}. */
    public List<String> words() {
        return words;
    }

    /** True when word {@code i} was written in double quotes. */
    public boolean quoted(int i) {
        return quoted.get(i);
    }

    public Pipeline subsearch(int index) {
        return command.subsearches().get(index);
    }

    /** The subsearch that a word {@code [n]} stands for, or null when the word is not a subsearch. */
    public Pipeline subsearchOf(String word) {
        if (!isSubsearch(word)) {
            return null;
        }
        return command.subsearches().get(Integer.parseInt(word.substring(1, word.length() - 1)));
    }
}
