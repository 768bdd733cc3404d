package io.invitations.benchmarks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic people for the import benchmarks: the same seed always gives the same rows, so the
 * CSV and the {@code .xlsx} file hold the same data and a rerun measures the same input. About one
 * row in eight has a group cell with a comma (quoted in CSV) and about a quarter have an accented
 * name, so the quoted and non-ASCII paths of the parsers are exercised too.
 */
public final class SamplePeople {
    /** The seed every benchmark uses. */
    public static final long SEED = 20_261_122L;

    /** The header row of every generated file. */
    public static final List<String> HEADER = List.of("email", "first name", "last name", "role", "groups");

    private static final String[] FIRST = {"Anna", "Bruno", "Chloé", "David", "Emma", "Farid", "Greta", "Hugo",
        "Inès", "Jonas", "Karin", "Léo", "Maya", "Noah", "Olga", "Paul", "Rita", "Sven", "Tina", "Zoë"};
    private static final String[] LAST = {"Martin", "Müller", "Dubois", "Schmidt", "Bernard", "Weber", "Petit",
        "Fischer", "Durand", "Meyer", "Lefèvre", "Wagner", "Moreau", "Becker", "Laurent", "Hoffmann"};
    // the default tenant's roles, so that a dry run finds every row valid
    private static final String[] ROLES = {"member", "member", "member", "member", "admin"};
    private static final String[] GROUPS = {"Sales", "Support", "Engineering", "Finance", "HR", "EMEA", "APAC"};
    private static final String[] DOMAINS = {"example.com", "example.org", "acme.test", "exemple.fr"};

    private SamplePeople() {
    }

    /**
     * Generates rows of cells in {@link #HEADER} order.
     *
     * @param count how many people
     * @param seed  the random seed
     * @return {@code count} rows of five cells each
     */
    public static List<List<String>> rows(int count, long seed) {
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = ascii(first) + "." + ascii(last) + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            String role = ROLES[random.nextInt(ROLES.length)];
            String groups = GROUPS[random.nextInt(GROUPS.length)];
            if (random.nextInt(8) == 0) {
                groups = groups + "," + GROUPS[random.nextInt(GROUPS.length)];
            }
            rows.add(List.of(email, first, last, role, groups));
        }
        return rows;
    }

    /** Folds the few accented letters used above, for the address's local part. */
    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace('é', 'e').replace('è', 'e').replace('ë', 'e')
                .replace('ü', 'u');
    }
}
