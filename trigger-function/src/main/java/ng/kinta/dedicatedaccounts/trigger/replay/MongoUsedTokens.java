package ng.kinta.dedicatedaccounts.trigger.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;

import ng.kinta.dedicatedaccounts.trigger.signature.UsedTokens;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The accepted QStash tokens, in the shared MongoDB (collection {@value #COLLECTION}):
 * one document per token, {@code _id} = its {@code jti}, so that a second use anywhere
 * fails the insert (one atomic operation, whichever host gets it). A TTL index on
 * {@code expiresAt} (the token's {@code exp} plus the clock tolerance) lets MongoDB
 * delete a document once its token would be refused as expired anyway; MongoDB's TTL
 * monitor runs about once a minute, and the check does not depend on it having run.
 */
@Component
public class MongoUsedTokens implements UsedTokens {

	static final String COLLECTION = "qstashUsedTokens";

	static final String EXPIRES_AT = "expiresAt";

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	private final AtomicBoolean indexed = new AtomicBoolean();

	MongoUsedTokens(MongoTemplate mongoTemplate, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	@Override
	public boolean recordFirstUse(String tokenId, Instant forgetAfter) {
		ensureTtlIndex();
		Document use = new Document("_id", tokenId).append(EXPIRES_AT, Date.from(forgetAfter))
			.append("usedAt", Date.from(this.clock.instant()));
		try {
			this.mongoTemplate.insert(use, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	// at the first delivery rather than at start: the trigger starts without MongoDB
	private void ensureTtlIndex() {
		if (this.indexed.get()) {
			return;
		}
		this.mongoTemplate.indexOps(COLLECTION)
			.createIndex(new Index(EXPIRES_AT, Sort.Direction.ASC).named("expiresAt_ttl").expire(Duration.ZERO));
		this.indexed.set(true);
	}

}
