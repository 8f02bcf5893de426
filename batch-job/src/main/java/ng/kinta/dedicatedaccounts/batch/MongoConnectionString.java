package ng.kinta.dedicatedaccounts.batch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.mongodb.ConnectionString;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The value is a MongoDB connection string that names a database
 * (https://www.mongodb.com/docs/manual/reference/connection-string/). Blank values are
 * left to {@code @NotBlank}. The messages name the environment variable and never echo
 * the value, which may carry a password.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MongoConnectionString.Validator.class)
@interface MongoConnectionString {

	String message() default "MONGO_DB_URI is not a MongoDB connection string";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Parses the value with the MongoDB driver. */
	class Validator implements ConstraintValidator<MongoConnectionString, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String problem;
			try {
				String database = new ConnectionString(value).getDatabase();
				if (database != null && !database.isBlank()) {
					return true;
				}
				problem = "MONGO_DB_URI names no database (put it after the hosts: mongodb://host:27017/kinta)";
			}
			catch (IllegalArgumentException ex) {
				problem = "MONGO_DB_URI is not a MongoDB connection string (mongodb://host:27017/kinta or "
						+ "mongodb+srv://cluster.example.net/kinta)";
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
