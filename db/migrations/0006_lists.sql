-- Lists (wishlists): a user's named collections of hotels.

CREATE TABLE lists (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL,
  name        text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT lists_pkey PRIMARY KEY (id),
  CONSTRAINT lists_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT lists_name_length CHECK (length(btrim(name)) BETWEEN 1 AND 100)
);
CREATE INDEX lists_user_created_idx ON lists (user_id, created_at, id);

-- A hotel is in a list at most once: add with ON CONFLICT ON CONSTRAINT list_hotels_pkey DO NOTHING.
CREATE TABLE list_hotels (
  list_id   uuid        NOT NULL,
  hotel_id  uuid        NOT NULL,
  added_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT list_hotels_pkey PRIMARY KEY (list_id, hotel_id),
  CONSTRAINT list_hotels_list_id_fkey FOREIGN KEY (list_id) REFERENCES lists (id) ON DELETE CASCADE,
  CONSTRAINT list_hotels_hotel_id_fkey FOREIGN KEY (hotel_id) REFERENCES hotels (id) ON DELETE CASCADE
);
CREATE INDEX list_hotels_hotel_idx ON list_hotels (hotel_id);
