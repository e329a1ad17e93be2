package cn.gov.qinghai.dibao.rules;

import java.util.List;

/** What the rules need to know about a household. */
public record HouseholdFacts(boolean singleParent, List<Person> members) {

    public HouseholdFacts {
        members = List.copyOf(members);
    }

    public int size() {
        return members.size();
    }
}
