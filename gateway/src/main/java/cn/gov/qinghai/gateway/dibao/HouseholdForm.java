package cn.gov.qinghai.gateway.dibao;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The estimator's household as posted, and the "add another" edits (GOV.UK add-another pattern, no JavaScript): the
 * form shows as many member blocks as the household has, each with as many income rows as it uses; "add another
 * member" / "add another income" / "remove" are submit buttons that post the whole form and get it back with one
 * block more or less. Fields are named {@code m<i>.<field>} and {@code m<i>.i<j>.<field>} so that the service's field
 * paths ({@code members[1].incomes[0].type}) map one to one onto inputs; removing a member renumbers the later ones.
 */
public final class HouseholdForm {

    /** The service takes up to 50 members; a household typed by hand past 20 is a mistake more than a household. */
    static final int MAX_MEMBERS = 20;

    static final int MAX_INCOMES = 10;
    private static final Pattern MEMBER_FIELD = Pattern.compile("m(\\d+)\\.(.+)");
    private static final Pattern INCOME_FIELD = Pattern.compile("i(\\d+)\\.(.+)");

    private final Map<String, String> fields;
    private int members;
    private final List<Integer> incomes = new ArrayList<>();

    private HouseholdForm(Map<String, String> fields) {
        this.fields = fields;
    }

    /** An empty form: one member with one income row. */
    static HouseholdForm empty() {
        return of(Map.of());
    }

    /**
     * The form as posted: the block counts are the larger of the hidden counters ({@code members},
     * {@code m<i>.incomes}) and the highest index typed, at least one member with one income row.
     */
    static HouseholdForm of(Map<String, String> posted) {
        Map<String, String> fields = new LinkedHashMap<>();
        posted.forEach((k, v) -> fields.put(k, v == null ? "" : v.trim()));
        HouseholdForm form = new HouseholdForm(fields);
        int members = count(fields.get("members"), MAX_MEMBERS);
        int[] incomes = new int[MAX_MEMBERS];
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            Matcher m = MEMBER_FIELD.matcher(name);
            if (!m.matches() || m.group(1).length() > 2) {
                continue;
            }
            int i = Integer.parseInt(m.group(1));
            if (i >= MAX_MEMBERS) {
                continue;
            }
            members = Math.max(members, i + 1);
            Matcher income = INCOME_FIELD.matcher(m.group(2));
            if (income.matches() && income.group(1).length() <= 2) {
                incomes[i] = Math.max(incomes[i], Math.min(MAX_INCOMES, Integer.parseInt(income.group(1)) + 1));
            } else if (m.group(2).equals("incomes")) {
                incomes[i] = Math.max(incomes[i], count(field.getValue(), MAX_INCOMES));
            }
        }
        form.members = Math.max(1, members);
        for (int i = 0; i < form.members; i++) {
            form.incomes.add(Math.max(1, incomes[i]));
        }
        return form;
    }

    private static int count(String text, int max) {
        if (text == null || !text.matches("\\d{1,3}")) {
            return 0;
        }
        return Math.min(max, Integer.parseInt(text));
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The member indexes shown, 0-based. */
    public List<Integer> getMemberIndexes() {
        return IntStream.range(0, members).boxed().toList();
    }

    public int getMembers() {
        return members;
    }

    /** The income row indexes shown for member {@code m}. */
    public List<Integer> incomeIndexes(int m) {
        return IntStream.range(0, incomes.get(m)).boxed().toList();
    }

    public int incomeCount(int m) {
        return incomes.get(m);
    }

    public boolean canAddMember() {
        return members < MAX_MEMBERS;
    }

    public boolean canAddIncome(int m) {
        return incomes.get(m) < MAX_INCOMES;
    }

    /** Adds an empty member block at the end; returns its index (or -1 at the limit). */
    int addMember() {
        if (!canAddMember()) {
            return -1;
        }
        incomes.add(1);
        return members++;
    }

    /** Adds an income row to member {@code m}; returns its index (or -1 at the limit). */
    int addIncome(int m) {
        if (m < 0 || m >= members || !canAddIncome(m)) {
            return -1;
        }
        incomes.set(m, incomes.get(m) + 1);
        return incomes.get(m) - 1;
    }

    /** Removes member {@code m} and moves the later members up one place, so numbering stays 1, 2, 3…. */
    void removeMember(int m) {
        if (m < 0 || m >= members) {
            return;
        }
        if (members == 1) { // the last member's block stays, emptied
            fields.keySet().removeIf(k -> k.startsWith("m0."));
            incomes.set(0, 1);
            return;
        }
        Map<String, String> moved = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            Matcher matcher = MEMBER_FIELD.matcher(name);
            if (!matcher.matches()) {
                moved.put(name, value);
                return;
            }
            int i = Integer.parseInt(matcher.group(1));
            if (i < m) {
                moved.put(name, value);
            } else if (i > m) {
                moved.put("m" + (i - 1) + "." + matcher.group(2), value);
            }
        });
        fields.clear();
        fields.putAll(moved);
        incomes.remove(m);
        members--;
    }

    /** Whether member {@code m}'s rigid-expenditure answers should be shown open (typed or in error). */
    public boolean rigidTyped(int m) {
        String p = "m" + m + ".rigidExpenditure.";
        return DibaoPages.RIGID_KINDS.stream().anyMatch(k -> !get(p + k).isEmpty());
    }
}
