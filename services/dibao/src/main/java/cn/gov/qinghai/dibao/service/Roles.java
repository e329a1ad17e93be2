package cn.gov.qinghai.dibao.service;

/** Roles of the dibao service (token claim "roles"). */
public final class Roles {
    /** Township window clerk who accepts applications (一门受理). */
    public static final String CLERK = "dibao:clerk";
    /** Township government reviewer (审核). */
    public static final String TOWNSHIP_REVIEWER = "dibao:township-reviewer";
    /** Verifier of household economic status (核对). */
    public static final String VERIFIER = "dibao:verifier";
    /** County civil-affairs approver (审批), publishes county standards, exits, temporary assistance. */
    public static final String COUNTY_APPROVER = "dibao:county-approver";
    /** Poverty-alleviation office staff (扶贫部门): read access for filing and cross-matching (二(五), 三(一)). */
    public static final String POVERTY_OFFICE = "dibao:poverty-office";

    static final String[] ANY = {CLERK, TOWNSHIP_REVIEWER, VERIFIER, COUNTY_APPROVER, POVERTY_OFFICE};

    private Roles() {}
}
