package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;

/** The kit's opaque offset paging for requests that carry {@code pageSize}/{@code pageToken} at the top level. */
final class Paging {
    private Paging() {}

    static Pages.Window window(FieldErrors errors, int pageSize, String pageToken) {
        return Pages.window(errors, pageSize, pageToken);
    }
}
