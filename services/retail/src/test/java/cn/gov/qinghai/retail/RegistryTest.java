package cn.gov.qinghai.retail;

import static cn.gov.qinghai.retail.RetailTestSupport.anonymous;
import static cn.gov.qinghai.retail.RetailTestSupport.enterprise;
import static cn.gov.qinghai.retail.RetailTestSupport.newCreditCode;
import static cn.gov.qinghai.retail.RetailTestSupport.officer;
import static cn.gov.qinghai.retail.RetailTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.retail.v1.EnrolPalletPilotRequest;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.ListBrandsRequest;
import cn.gov.qinghai.retail.v1.ListFormatsRequest;
import cn.gov.qinghai.retail.v1.ListOutletsRequest;
import cn.gov.qinghai.retail.v1.Outlet;
import cn.gov.qinghai.retail.v1.PalletPilot;
import cn.gov.qinghai.retail.v1.PalletStock;
import cn.gov.qinghai.retail.v1.RecogniseBrandRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registry over real gRPC and PostgreSQL: credit codes, chain filing, 一照多址, brands, pallets. */
class RegistryTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = RetailTestSupport.SERVICE;

    static Enterprise register(String code, String region, boolean chain, String hqLicence) {
        return officer("630000")
                .registerEnterprise(RegisterEnterpriseRequest.newBuilder()
                        .setCreditCode(code)
                        .setName("企业" + code.substring(10))
                        .setRegion(region)
                        .setChain(chain)
                        .setHqLicenceNumber(hqLicence)
                        .build());
    }

    static RegisterOutletRequest.Builder outlet(String owner, String region, LicenceMode mode) {
        return RegisterOutletRequest.newBuilder()
                .setRequestId(unique("outlet"))
                .setEnterpriseCreditCode(owner)
                .setName("门店")
                .setRegion(region)
                .setFormat("community_convenience_store")
                .setAddress("城中区 1 号")
                .setLicenceMode(mode);
    }

    @Test
    void healthIsServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                HealthGrpc.newBlockingStub(SERVICE.service().channel())
                        .check(HealthCheckRequest.newBuilder().build())
                        .getStatus());
    }

    @Test
    void duplicateCreditCodeIsAlreadyExistsAndBadChecksumNamesTheField() {
        String code = newCreditCode("630102");
        assertEquals(code, register(code, "630102", false, "").getCreditCode());
        GrpcErrorDetails dup = GrpcErrorDetails.of(
                assertThrows(StatusRuntimeException.class, () -> register(code, "630102", false, "")));
        assertEquals(Status.Code.ALREADY_EXISTS, dup.code());
        assertEquals("CREDIT_CODE_TAKEN", dup.reason());

        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> officer("630000")
                        .registerEnterprise(RegisterEnterpriseRequest.newBuilder()
                                .setCreditCode(wrongCheck)
                                .setName("")
                                .setRegion("999999")
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.code());
        assertEquals(List.of("creditCode", "name", "region"), bad.fields());
    }

    @Test
    void authorityIsEnforced() {
        String code = newCreditCode("630102");
        RegisterEnterpriseRequest req = RegisterEnterpriseRequest.newBuilder()
                .setCreditCode(code)
                .setName("x")
                .setRegion("630102")
                .build();
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                assertThrows(StatusRuntimeException.class, () -> anonymous().registerEnterprise(req))
                        .getStatus()
                        .getCode());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("632800").registerEnterprise(req)))
                        .reason());
        assertEquals(
                "ORGANISATION_MISMATCH",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(newCreditCode("630102")).registerEnterprise(req)))
                        .reason());
        // the enterprise may register itself
        assertEquals(code, enterprise(code).registerEnterprise(req).getCreditCode());
    }

    @Test
    void chainOutletIsFiledWithTheHqLicenceEvenWithoutOne() {
        String chain = newCreditCode("630102");
        register(chain, "630102", true, "");
        Outlet filed = enterprise(chain)
                .registerOutlet(
                        outlet(chain, "630104", LicenceMode.HQ_LICENCE_FILING).build());
        assertEquals("FILED", filed.getStatus());
        assertEquals(
                chain, filed.getLicenceNumber(), "no HQ permit on file: the HQ business licence (credit code) is used");
        assertEquals("四(二)", filed.getExplanation().getSteps(0).getCitation().getClause());

        String bookChain = newCreditCode("630102");
        register(bookChain, "630102", true, "新出发青字第001号");
        assertEquals(
                "新出发青字第001号",
                enterprise(bookChain)
                        .registerOutlet(outlet(bookChain, "632801", LicenceMode.HQ_LICENCE_FILING)
                                .setFormat("book_chain_supermarket")
                                .build())
                        .getLicenceNumber());
    }

    @Test
    void outletRegistrationIsIdempotentAndValidatesEveryField() {
        String owner = newCreditCode("630102");
        register(owner, "630102", false, "");
        RegisterOutletRequest req = outlet(owner, "630102", LicenceMode.OWN_LICENCE)
                .setLicenceNumber("L-1")
                .build();
        Outlet first = enterprise(owner).registerOutlet(req);
        assertEquals(first.getId(), enterprise(owner).registerOutlet(req).getId());
        assertEquals(
                "REQUEST_ID_REUSED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(owner)
                                        .registerOutlet(
                                                req.toBuilder().setName("other").build())))
                        .reason());
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> enterprise(owner)
                        .registerOutlet(RegisterOutletRequest.newBuilder()
                                .setRequestId("r")
                                .setEnterpriseCreditCode(owner)
                                .setName("n")
                                .setRegion("630100")
                                .setFormat("casino")
                                .setAddress("a")
                                .setLicenceMode(LicenceMode.OWN_LICENCE)
                                .build())));
        assertEquals(List.of("region", "format", "licenceNumber"), bad.fields());
    }

    @Test
    void expressOutletsShareOneLicenceWithinTheCountyOnly() {
        String express = newCreditCode("630121");
        register(express, "630121", false, "");
        Outlet inCounty = enterprise(express)
                .registerOutlet(outlet(express, "630121", LicenceMode.ONE_LICENCE_MANY_ADDRESSES)
                        .setFormat("express_outlet")
                        .build());
        assertEquals(express, inCounty.getLicenceNumber());
        Outlet second = enterprise(express)
                .registerOutlet(outlet(express, "630121", LicenceMode.ONE_LICENCE_MANY_ADDRESSES)
                        .setFormat("express_outlet")
                        .setAddress("另一地址")
                        .build());
        assertEquals(express, second.getLicenceNumber());
        GrpcErrorDetails outside = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> enterprise(express)
                        .registerOutlet(outlet(express, "630122", LicenceMode.ONE_LICENCE_MANY_ADDRESSES)
                                .setFormat("express_outlet")
                                .build())));
        assertEquals(Status.Code.FAILED_PRECONDITION, outside.code());
        assertEquals("OUTSIDE_REGISTRATION_AUTHORITY", outside.reason());
    }

    @Test
    void outletsAreListedByRegionAndFormatPublicly() {
        String owner = newCreditCode("632521");
        register(owner, "632521", false, "");
        enterprise(owner)
                .registerOutlet(outlet(owner, "632521", LicenceMode.OWN_LICENCE)
                        .setLicenceNumber("L")
                        .setFormat("outlet_mall")
                        .build());
        enterprise(owner)
                .registerOutlet(outlet(owner, "632522", LicenceMode.OWN_LICENCE)
                        .setLicenceNumber("L")
                        .setFormat("supermarket")
                        .build());
        var hainan = anonymous()
                .listOutlets(ListOutletsRequest.newBuilder().setRegion("632500").build());
        assertEquals(2, hainan.getTotalSize());
        var malls = anonymous()
                .listOutlets(ListOutletsRequest.newBuilder()
                        .setRegion("632500")
                        .setFormat("outlet_mall")
                        .build());
        assertEquals(1, malls.getOutletsCount());
        assertEquals("632521", malls.getOutlets(0).getRegion());
        assertTrue(anonymous().listFormats(ListFormatsRequest.getDefaultInstance()).getFormatsList().stream()
                .anyMatch(f -> f.getNameZh().equals("奥特莱斯")));
    }

    @Test
    void brandsAndPalletPilots() {
        String owner = newCreditCode("630103");
        register(owner, "630103", false, "");
        RecogniseBrandRequest brand = RecogniseBrandRequest.newBuilder()
                .setEnterpriseCreditCode(owner)
                .setBrand("青海老酸奶")
                .setCertificateNumber(unique("QHLZH"))
                .setRecognisedOn("2017-09-01")
                .setOnline(true)
                .build();
        officer("630100").recogniseBrand(brand);
        assertEquals(
                "BRAND_ALREADY_RECOGNISED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630100").recogniseBrand(brand)))
                        .reason());
        assertTrue(anonymous().listBrands(ListBrandsRequest.getDefaultInstance()).getBrandsList().stream()
                .anyMatch(b -> b.getCertificateNumber().equals(brand.getCertificateNumber())));

        PalletPilot pilot = officer("630100")
                .enrolPalletPilot(EnrolPalletPilotRequest.newBuilder()
                        .setEnterpriseCreditCode(owner)
                        .setSector("agricultural_livestock")
                        .addStock(PalletStock.newBuilder()
                                .setLengthMm(1200)
                                .setWidthMm(1000)
                                .setCount(60))
                        .addStock(PalletStock.newBuilder()
                                .setLengthMm(1000)
                                .setWidthMm(1200)
                                .setCount(15))
                        .addStock(PalletStock.newBuilder()
                                .setLengthMm(1100)
                                .setWidthMm(1100)
                                .setCount(25))
                        .build());
        assertEquals(100, pilot.getTotalPallets());
        assertEquals(75, pilot.getStandardPallets());
        assertEquals("0.7500", pilot.getStandardShare());
        assertEquals(
                "retail.pallet.standard",
                pilot.getExplanation().getSteps(0).getParameters(0).getId());
        assertEquals(
                List.of("sector", "stock[0].count"),
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630100")
                                        .enrolPalletPilot(EnrolPalletPilotRequest.newBuilder()
                                                .setEnterpriseCreditCode(owner)
                                                .setSector("steel")
                                                .addStock(PalletStock.newBuilder()
                                                        .setLengthMm(1200)
                                                        .setWidthMm(1000)
                                                        .setCount(-1))
                                                .build())))
                        .fields());
    }
}
