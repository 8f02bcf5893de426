package ng.kinta.dedicatedaccounts.batch.user;

import org.bson.Document;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;

/**
 * Lets {@code MongoTemplate} (and the job's {@code MongoPagingItemReader}) read
 * {@link UserRecord}s leniently: Spring Data's own mapping would fail the whole page on
 * one document whose field has an unexpected type.
 */
@ReadingConverter
class UserRecordReadingConverter implements Converter<Document, UserRecord> {

	@Override
	public UserRecord convert(Document source) {
		return UserRecord.from(source);
	}

}
