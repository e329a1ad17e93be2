package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BrandListing;
import cn.gov.qinghai.retail.data.BrandRepository;
import cn.gov.qinghai.retail.data.BrandRow;
import cn.gov.qinghai.retail.v1.Brand;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.ListBrandsRequest;
import cn.gov.qinghai.retail.v1.ListBrandsResponse;
import cn.gov.qinghai.retail.v1.RecogniseBrandRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/** 青海老字号 recognitions (青政办〔2017〕85号 一(三): 继续开展“青海老字号”认定保护工作). */
@Singleton
public class BrandService {

    private final BrandRepository brands;
    private final EnterpriseService enterprises;
    private final Clock clock;

    public BrandService(BrandRepository brands, EnterpriseService enterprises, Clock clock) {
        this.brands = brands;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** Records a recognition; the certificate number is unique. */
    @Transactional
    public Brand recogniseBrand(RecogniseBrandRequest r) {
        Authority.officer();
        FieldErrors errors = new FieldErrors();
        String owner = Validation.creditCode(errors, "enterpriseCreditCode", r.getEnterpriseCreditCode());
        String brand = errors.text("brand", r.getBrand(), 200);
        String certificate = errors.text("certificateNumber", r.getCertificateNumber(), 100);
        LocalDate on = errors.date("recognisedOn", r.getRecognisedOn());
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            errors.add("recognisedOn", "must not be in the future");
        }
        errors.throwIfAny();
        Enterprise e = enterprises.require(owner);
        Caller caller = Authority.officerFor(e.getRegion());
        if (brands.insertIfAbsent(owner, brand, certificate, on, r.getOnline(), caller.subject(), clock.instant())
                == 0) {
            throw ServiceException.alreadyExists(
                    "BRAND_ALREADY_RECOGNISED", "certificate " + certificate + " is already recorded");
        }
        BrandRow row = brands.findByCertificateNumber(certificate).orElseThrow();
        return brand(new BrandListing(
                row.id(),
                row.enterpriseCreditCode(),
                e.getName(),
                row.brand(),
                row.certificateNumber(),
                row.recognisedOn(),
                row.online()));
    }

    @Transactional(readOnly = true)
    public ListBrandsResponse listBrands(ListBrandsRequest r) {
        FieldErrors errors = new FieldErrors();
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        int total = Math.toIntExact(brands.count());
        return ListBrandsResponse.newBuilder()
                .addAllBrands(brands.page(w.size(), w.offset()).stream()
                        .map(BrandService::brand)
                        .toList())
                .setTotalSize(total)
                .setNextPageToken(w.nextToken(total))
                .build();
    }

    private static Brand brand(BrandListing b) {
        return Brand.newBuilder()
                .setId(b.id())
                .setEnterpriseCreditCode(b.enterpriseCreditCode())
                .setEnterpriseName(b.enterpriseName())
                .setBrand(b.brand())
                .setCertificateNumber(b.certificateNumber())
                .setRecognisedOn(b.recognisedOn().toString())
                .setOnline(b.online())
                .build();
    }
}
