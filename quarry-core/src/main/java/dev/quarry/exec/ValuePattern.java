package dev.quarry.exec;

/**
 * The value side of a search-language comparison ({@code field=value}, {@code field IN (...)}): a
 * {@link WildcardPattern}, or a {@link CidrPattern} when the value is CIDR notation.
 */
public sealed interface ValuePattern permits WildcardPattern, CidrPattern {
    boolean matches(Value.Str value);

    /** True for a pattern that matches every value. */
    boolean matchesAnything();

    static ValuePattern compile(String text) {
        CidrPattern cidr = CidrPattern.parse(text);
        return cidr != null ? cidr : WildcardPattern.compile(text);
    }
}
