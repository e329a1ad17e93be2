package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.rules.CategoryCatalogue;
import cn.gov.qinghai.hotline.rules.CategoryDef;
import cn.gov.qinghai.hotline.rules.Classifier;
import cn.gov.qinghai.hotline.rules.Rollout;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.ClassifyMatterRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesResponse;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutResponse;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/** The public side of 96号: the catalogue (三(二) publicity), classification of a matter, the roll-out (三(一)). */
@Singleton
public class CatalogueService {

    private final CategoryCatalogue catalogue;
    private final Classifier classifier;
    private final Rollout rollout;
    private final Clock clock;

    CatalogueService(CategoryCatalogue catalogue, Classifier classifier, Rollout rollout, Clock clock) {
        this.catalogue = catalogue;
        this.classifier = classifier;
        this.rollout = rollout;
        this.clock = clock;
    }

    public ListCategoriesResponse categories(ListCategoriesRequest r) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = Validation.dateOrToday(errors, "date", r.getDate(), clock);
        errors.throwIfAny();
        CategoryCatalogue.Catalogue cat = inForce(date);
        return ListCategoriesResponse.newBuilder()
                .addAllCategories(
                        cat.categories().stream().map(CategoryDef::toProto).toList())
                .setCatalogue(cat.parameter().toProto())
                .addDecisions(cat.decision())
                .build();
    }

    public Classification classify(ClassifyMatterRequest r) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = Validation.dateOrToday(errors, "date", r.getDate(), clock);
        String region = errors.qinghaiRegion("region", r.getRegion());
        String description = errors.optionalText("description", r.getDescription(), FieldErrors.MAX_TEXT);
        CategoryCatalogue.Catalogue cat = null;
        try {
            cat = catalogue.at(date);
        } catch (ParameterLookupException e) {
            errors.add("date", "96号 took effect on 2017-06-05; nothing is in force on " + date);
        }
        String category = cat == null ? null : Validation.category(errors, "categoryCode", r.getCategoryCode(), cat);
        if (r.getDescription().isBlank() && r.getCategoryCode().isEmpty()) {
            errors.add("description", "is required unless categoryCode is given");
        }
        errors.throwIfAny();
        return classifier.classify(description, category, region, date);
    }

    public ListRolloutResponse rollout(ListRolloutRequest r) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = Validation.dateOrToday(errors, "date", r.getDate(), clock);
        errors.throwIfAny();
        try {
            var parameter = rollout.parameter(date);
            return ListRolloutResponse.newBuilder()
                    .addAllRegions(rollout.at(date))
                    .setRollout(parameter.toProto())
                    .addDecisions(parameter.entry().decision())
                    .build();
        } catch (ParameterLookupException e) {
            throw notInForce(date);
        }
    }

    CategoryCatalogue.Catalogue inForce(LocalDate date) {
        try {
            return catalogue.at(date);
        } catch (ParameterLookupException e) {
            throw notInForce(date);
        }
    }

    private static ServiceException notInForce(LocalDate date) {
        return ServiceException.invalid("date", "96号 took effect on 2017-06-05; nothing is in force on " + date);
    }
}
