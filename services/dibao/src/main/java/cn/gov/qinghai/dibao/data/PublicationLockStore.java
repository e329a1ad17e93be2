package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * What {@link CountyStandardRepository} and {@link PaymentMethodRepository} cannot express: the advisory locks that
 * serialise the county publications until the transaction ends, so the newest-date check and the insert are one
 * step.
 */
@Singleton
public class PublicationLockStore {

    /** Advisory lock key of standard publications ("DBST"). */
    private static final long STANDARDS = 0x44425354L;

    /** Advisory lock key of payment-method publications ("DBPM"). */
    private static final long PAYMENT_METHODS = 0x4442504DL;

    private final Sql db;

    public PublicationLockStore(Sql db) {
        this.db = db;
    }

    public void lockStandards() {
        db.lock(STANDARDS);
    }

    public void lockPaymentMethods() {
        db.lock(PAYMENT_METHODS);
    }
}
