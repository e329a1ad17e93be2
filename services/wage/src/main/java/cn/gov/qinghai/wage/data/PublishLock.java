package cn.gov.qinghai.wage.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * The advisory lock a repository cannot take: serialises all publications until commit, so two concurrent ones
 * cannot both pass the "after the newest" check.
 */
@Singleton
public class PublishLock {

    /** Advisory lock key of wage publications ("WAGE" in ASCII). */
    private static final long PUBLISH_LOCK = 0x57414745L;

    private final Sql sql;

    public PublishLock(Sql sql) {
        this.sql = sql;
    }

    public void lock() {
        sql.lock(PUBLISH_LOCK);
    }
}
