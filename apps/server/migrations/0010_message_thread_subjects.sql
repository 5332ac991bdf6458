-- A conversation's subject (its first message's) and counterpart (the member the seller talks with: the sender of
-- what the seller received, else the recipient of what the seller sent, else the first sender), so the messages
-- page names each conversation instead of showing its id (the REST Message API gives no item title). The sync keeps
-- them with the thread's other fields (`refreshThreads`).
alter table ebay_message_threads add column subject text, add column counterpart text;

update ebay_message_threads t set subject = f.subject, counterpart = f.counterpart
from (
  select account_id, thread_id,
    (array_agg(subject order by received_at, message_id) filter (where subject is not null))[1] as subject,
    coalesce(
      (array_agg(sender order by received_at, message_id) filter (where folder_id = 0 and sender is not null))[1],
      (array_agg(recipient order by received_at, message_id) filter (where folder_id = 1 and recipient is not null))[1],
      (array_agg(sender order by received_at, message_id) filter (where sender is not null))[1]
    ) as counterpart
  from ebay_messages
  group by account_id, thread_id
) f
where t.account_id = f.account_id and t.thread_id = f.thread_id;
