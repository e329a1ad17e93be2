package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code application_event}: one state change of an application (append-only). */
@MappedEntity("application_event")
public record ApplicationEventRow(
        @Id @GeneratedValue Long id, Long applicationId, String status, String actor, Instant at, String note) {}
