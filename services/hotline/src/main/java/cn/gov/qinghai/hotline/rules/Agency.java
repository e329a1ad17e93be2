package cn.gov.qinghai.hotline.rules;

/** An agency of the routing table: id "<prefecture>-<department key>" and its display name. */
public record Agency(String id, String name, String region) {}
