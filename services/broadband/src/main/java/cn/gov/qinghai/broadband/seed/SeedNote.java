package cn.gov.qinghai.broadband.seed;

/**
 * A repair (R…) or an unresolved item (U…) of {@code seed/repairs.yaml}.
 *
 * @param value repaired value for a repair; empty for an unresolved item
 * @param why   the evidence of a repair or the explanation of an unresolved item
 */
public record SeedNote(String id, String table, String row, String field, String seedText, String value, String why) {}
