package dev.countersign.policy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Reads {@code spec.environments}: approvals and freeze windows per environment. */
final class EnvironmentReader {
    private static final int MAX_APPROVALS = 20;
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "MON",
            DayOfWeek.MONDAY,
            "TUE",
            DayOfWeek.TUESDAY,
            "WED",
            DayOfWeek.WEDNESDAY,
            "THU",
            DayOfWeek.THURSDAY,
            "FRI",
            DayOfWeek.FRIDAY,
            "SAT",
            DayOfWeek.SATURDAY,
            "SUN",
            DayOfWeek.SUNDAY);

    private final Map<String, Set<Action>> roles;

    EnvironmentReader(Map<String, Set<Action>> roles) {
        this.roles = roles;
    }

    /** The approvers of an environment that does not list its own: every role that may approve. */
    static ApprovalRule defaultApprovals(Map<String, Set<Action>> roles) {
        Set<String> approvers = new TreeSet<>();
        roles.forEach((role, actions) -> {
            if (actions.contains(Action.APPROVE)) {
                approvers.add(role);
            }
        });
        return new ApprovalRule(1, approvers);
    }

    Map<String, EnvironmentRules> environments(@Nullable Field field) {
        Map<String, EnvironmentRules> environments = new LinkedHashMap<>();
        if (field != null) {
            field.entries().forEach((name, rules) -> {
                PolicyReader.environment(rules, name);
                environments.put(
                        name, rules(rules.object(Set.of("approvals", "freeze", "images", "limits", "agentCostStep"))));
            });
        }
        return environments;
    }

    private EnvironmentRules rules(Field field) {
        Field approvals = field.optional("approvals");
        Field freeze = field.optional("freeze");
        List<FreezeWindow> windows = new ArrayList<>();
        if (freeze != null) {
            freeze.items().forEach(item -> windows.add(window(item)));
        }
        return new EnvironmentRules(
                approvals == null ? defaultApprovals(roles) : approvals(approvals),
                windows,
                SourcesReader.images(field.optional("images")),
                SizingReader.sizing(field.optional("limits"), field.optional("agentCostStep")));
    }

    private ApprovalRule approvals(Field field) {
        field.object(Set.of("required", "from", "signed"));
        int required = field.required("required").integer(0, MAX_APPROVALS);
        Field signed = field.optional("signed");
        boolean mustSign = signed != null && signed.bool();
        Field from = field.optional("from");
        if (from == null) {
            return new ApprovalRule(required, defaultApprovals(roles).from(), mustSign);
        }
        Set<String> approvers = from.uniqueList(this::approverRole);
        if (required > 0 && approvers.isEmpty()) {
            throw from.invalid("lists no role, so " + required + " approvals could never be given");
        }
        return new ApprovalRule(required, approvers, mustSign);
    }

    private String approverRole(Field field, String role) {
        if (!roles.containsKey(role)) {
            throw field.invalid("unknown role '" + Excerpt.of(role) + "': defined roles are " + roles.keySet());
        }
        if (!roles.get(role).contains(Action.APPROVE)) {
            throw field.invalid("role '" + Excerpt.of(role) + "' cannot approve: it lacks the approve action");
        }
        return role;
    }

    private static FreezeWindow window(Field field) {
        field.object(Set.of("from", "to", "weekly", "zone", "reason"));
        String reason = field.required("reason").text();
        Field weekly = field.optional("weekly");
        try {
            return weekly == null ? interval(field, reason) : weekly(field, weekly, reason);
        } catch (IllegalArgumentException e) {
            throw field.invalid(String.valueOf(e.getMessage()));
        }
    }

    private static FreezeWindow interval(Field field, String reason) {
        if (field.optional("zone") != null) {
            throw field.invalid("'zone' belongs to weekly windows; from/to are UTC instants");
        }
        return new FreezeWindow.Interval(instant(field.required("from")), instant(field.required("to")), reason);
    }

    private static Instant instant(Field field) {
        String text = field.text();
        try {
            if (!text.endsWith("Z")) {
                throw new DateTimeException("not UTC");
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a UTC instant such as 2026-12-20T00:00:00Z");
        }
    }

    private static FreezeWindow weekly(Field field, Field weekly, String reason) {
        if (field.optional("from") != null || field.optional("to") != null) {
            throw field.invalid("a window is either weekly or from/to, not both");
        }
        weekly.object(Set.of("days", "from", "to"));
        Set<DayOfWeek> days = weekly.required("days").uniqueList(EnvironmentReader::day);
        Field from = weekly.optional("from");
        Field to = weekly.optional("to");
        return new FreezeWindow.Weekly(
                days,
                from == null ? LocalTime.MIDNIGHT : time(from),
                to == null ? null : time(to),
                zone(field.required("zone")),
                reason);
    }

    private static DayOfWeek day(Field field, String text) {
        DayOfWeek day = DAYS.get(text);
        if (day == null) {
            throw field.invalid(
                    "unknown day '" + Excerpt.of(text) + "': must be one of MON, TUE, WED, THU, FRI, SAT, SUN");
        }
        return day;
    }

    private static LocalTime time(Field field) {
        String text = field.text();
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw field.invalid("'" + Excerpt.of(text) + "' is not a time of day such as 18:00");
        }
    }

    private static ZoneId zone(Field field) {
        String text = field.text();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw field.invalid("unknown time zone '" + Excerpt.of(text) + "': use a region id such as Europe/Berlin");
        }
    }
}
