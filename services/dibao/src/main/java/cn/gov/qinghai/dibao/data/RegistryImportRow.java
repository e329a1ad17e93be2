package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code registry_import}: one import of the 建档立卡 roster, completed once its COPY committed. Written by
 * {@link RegistryImport} on its own connection; read through {@link RegistryImportRepository}.
 */
@MappedEntity("registry_import")
public record RegistryImportRow(
        @Id @GeneratedValue Long id,
        String importedBy,
        Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Long lines,
        @Nullable Long accepted,
        @Nullable Long rejected) {}
