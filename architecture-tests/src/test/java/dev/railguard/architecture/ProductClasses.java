package dev.railguard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The product classes of every module (tests excluded), imported once per test class. */
final class ProductClasses {

    private ProductClasses() {}

    static JavaClasses all() {
        JavaClasses product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.railguard");
        // the product modules reach this test as jars in the reactor; import them from their jars then
        if (product.isEmpty() || !product.containPackage("dev.railguard.engine")) {
            product = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.railguard");
        }
        return product;
    }
}
