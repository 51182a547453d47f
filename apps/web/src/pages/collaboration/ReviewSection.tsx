import {
  type CollaborationReviews,
  REVIEW_TEXT_MAX,
  REVIEW_TEXT_MIN,
  reviewBodySchema,
} from '@bextr/contracts';
import { Button, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ReviewItem } from '../../components/ReviewList.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { collaborationKeys } from './use-collaboration.ts';

function ReviewForm({
  collaborationId,
  reviews,
}: {
  collaborationId: string;
  reviews: CollaborationReviews;
}) {
  const { m } = useI18n();
  const t = m.reviews.section;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: reviewBodySchema,
    initialValues: { rating: 0, text: '' },
  });
  const write = useMutation({
    mutationFn: (body: { rating: number; text: string }) => api.reviews.write(collaborationId, body),
    onSuccess: async () => {
      notify(t.submitted);
      // The reviews here, and the other side's rating wherever this tab shows it.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collaborationKeys.reviews(collaborationId) }),
        queryClient.invalidateQueries({ queryKey: ['influencer'] }),
        queryClient.invalidateQueries({ queryKey: ['businesses'] }),
      ]);
    },
    onError: async (error) => {
      fail(error);
      // Written meanwhile (another tab) or no longer open: show what is true now.
      await queryClient.invalidateQueries({ queryKey: collaborationKeys.reviews(collaborationId) });
    },
  });
  const ratingError = form.errors.rating ? t.ratingRequired : undefined;
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => write.mutate(body))}
      aria-labelledby="review-form-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="review-form-title">
          {t.formTitle(reviews.subject.name)}
        </Title>
        <Text size="sm" c="dimmed">
          {t.formLead}
        </Text>
        <fieldset
          aria-describedby={ratingError ? 'review-rating-error' : undefined}
          style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
        >
          <Text component="legend" size="sm" fw={500} mb={4} p={0}>
            {t.rating}{' '}
            <Text component="span" c="red" aria-hidden>
              *
            </Text>
          </Text>
          <Rating
            size="lg"
            value={form.values.rating}
            onChange={(value) => form.setFieldValue('rating', value)}
            getSymbolLabel={(value) => m.reviews.starOption(value)}
          />
          {ratingError ? (
            <Text id="review-rating-error" size="xs" c="red" mt={4}>
              {ratingError}
            </Text>
          ) : null}
        </fieldset>
        <Textarea
          label={t.text}
          description={t.textHint(REVIEW_TEXT_MIN, REVIEW_TEXT_MAX)}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={REVIEW_TEXT_MAX}
          required
          {...form.getInputProps('text')}
        />
        <FormAlert error={formError} extra={formNotes} />
        <Button type="submit" loading={write.isPending} w="fit-content">
          {t.submit}
        </Button>
      </Stack>
    </form>
  );
}

/** The reviews part of a collaboration page: before completion a note; once completed, the form
 * (once per side) and then both reviews as they are written. */
export function ReviewSection({ collaborationId }: { collaborationId: string }) {
  const { m } = useI18n();
  const t = m.reviews.section;
  const query = useQuery({
    queryKey: collaborationKeys.reviews(collaborationId),
    queryFn: ({ signal }) => api.reviews.ofCollaboration(collaborationId, signal),
  });
  const reviews = query.data;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="collaboration-reviews-title">
      <Title order={2} size="h4" id="collaboration-reviews-title" mb="sm">
        {t.title}
      </Title>
      <QueryStates query={query}>
        {reviews ? (
          <Stack gap="lg">
            {!reviews.open && !reviews.mine && !reviews.theirs ? <Text c="dimmed">{t.notYet}</Text> : null}
            {reviews.abilities.review ? (
              <ReviewForm collaborationId={collaborationId} reviews={reviews} />
            ) : null}
            {reviews.mine ? (
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t.mine}
                </Title>
                <ReviewItem review={reviews.mine} showAuthor={false} />
              </div>
            ) : null}
            {reviews.open || reviews.theirs ? (
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t.theirs(reviews.subject.name)}
                </Title>
                {reviews.theirs ? (
                  <ReviewItem review={reviews.theirs} showAuthor={false} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t.theirsPending}
                  </Text>
                )}
              </div>
            ) : null}
          </Stack>
        ) : null}
      </QueryStates>
    </Paper>
  );
}
