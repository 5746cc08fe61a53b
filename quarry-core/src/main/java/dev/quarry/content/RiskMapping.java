package dev.quarry.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives risk and threat objects from ESCU 4.x observables, as contentctl did when it wrote the risk action:
 * <ul>
 *   <li>role Victim with type user, username or email address: risk object of type {@code user};</li>
 *   <li>role Victim with type device, endpoint, hostname or ip address: risk object of type {@code system};</li>
 *   <li>role Attacker with type process or process name: threat object {@code process}; file, file name or
 *       file hash: {@code file_name}; ip address: {@code ip_address}; url or url string: {@code url}; any other
 *       type: the type in lowercase;</li>
 *   <li>any other Victim: risk object of type {@code other}.</li>
 * </ul>
 * Every risk object gets the detection's risk score.
 */
final class RiskMapping {
    private static final Set<String> USER_TYPES = Set.of("user", "username", "email address");
    private static final Set<String> SYSTEM_TYPES = Set.of("device", "endpoint", "hostname", "ip address");

    private RiskMapping() {
    }

    static List<RiskObjectSpec> riskObjects(List<Observable> observables, int score) {
        List<RiskObjectSpec> out = new ArrayList<>();
        for (Observable o : observables) {
            if (!hasRole(o, "victim")) {
                continue;
            }
            String type = o.type() == null ? "" : o.type().toLowerCase(Locale.ROOT);
            String riskType = USER_TYPES.contains(type) ? "user" : SYSTEM_TYPES.contains(type) ? "system" : "other";
            out.add(new RiskObjectSpec(o.name(), riskType, score));
        }
        return out;
    }

    static List<ThreatObjectSpec> threatObjects(List<Observable> observables) {
        List<ThreatObjectSpec> out = new ArrayList<>();
        for (Observable o : observables) {
            if (!hasRole(o, "attacker")) {
                continue;
            }
            String type = o.type() == null ? "other" : o.type().toLowerCase(Locale.ROOT);
            String threatType = switch (type) {
                case "process", "process name" -> "process";
                case "file", "file name", "file hash" -> "file_name";
                case "ip address" -> "ip_address";
                case "url", "url string" -> "url";
                default -> type;
            };
            out.add(new ThreatObjectSpec(o.name(), threatType));
        }
        return out;
    }

    private static boolean hasRole(Observable o, String role) {
        for (String r : o.roles()) {
            if (r.toLowerCase(Locale.ROOT).equals(role)) {
                return true;
            }
        }
        return false;
    }
}
