package io.fileintegrity.api.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type for {@value Subcommand#NAME_PROPERTY}. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SubcommandName {
    /** Maps this single-element annotation to {@value Subcommand#NAME_PROPERTY}. */
    String PREFIX_ = "fio.";

    /** The word after {@code fio} on the command line. */
    String value();
}
