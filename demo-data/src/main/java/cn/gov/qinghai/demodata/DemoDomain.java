package cn.gov.qinghai.demodata;

/** The demonstration data of one service: whether an earlier load put it there, and how to put it there. */
interface DemoDomain {

    /** Prefix of every request id the loader sends, so demo records can be told apart (and found again). */
    String REQUEST_PREFIX = "demo-";

    /** The service, as the launcher names it. */
    String service();

    /** True when an earlier load completed this domain (its last record is there): then nothing is sent. */
    boolean loaded();

    /**
     * Sends the records. Every request id is derived from the seed and the record, so a load interrupted half way
     * and started again replays what was there (the services' idempotency keys) and adds only the rest.
     *
     * @return the number of records sent
     */
    int load() throws InterruptedException;
}
