package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.config.Today;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import java.time.LocalDate;

/** The date a request asks about: the given ISO date, or today in China when empty. */
final class Dates {
    private Dates() {}

    static LocalDate orToday(FieldErrors errors, String field, String value, Today today) {
        if (value == null || value.isBlank()) {
            return today.get();
        }
        return errors.optionalDate(field, value);
    }
}
