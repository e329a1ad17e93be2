package cn.gov.qinghai.kit.grpc;

/**
 * One invalid field. Field paths use the JSON (lowerCamelCase) names of the request, with indexes, e.g.
 * {@code records[3].hoursWorked}, so the same path reaches REST clients unchanged.
 */
public record FieldViolation(String field, String description) {}
