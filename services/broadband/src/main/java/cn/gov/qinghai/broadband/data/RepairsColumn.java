package cn.gov.qinghai.broadband.data;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/** {@code project.repairs}: the seed's repair ids, stored ';'-separated ('' = none). */
@Singleton
public class RepairsColumn implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToPersistedValue(List<String> repairs, ConversionContext context) {
        return repairs == null ? "" : String.join(";", repairs);
    }

    @Override
    public List<String> convertToEntityValue(String stored, ConversionContext context) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(";"));
    }
}
