package series

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate(t *testing.T) {
	d, err := NewDate(2024, time.February, 29)
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	for _, bad := range [][3]int{{2023, 2, 29}, {2024, 13, 1}, {2024, 0, 1}, {2024, 4, 31}, {0, 1, 1}, {10000, 1, 1}, {2024, 1, 0}} {
		_, err := NewDate(bad[0], time.Month(bad[1]), bad[2])
		require.ErrorIs(t, err, ErrInvalidDate, "%v", bad)
	}

	p, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, d, p)
	for _, bad := range []string{"", "2024-2-29", "2023-02-29", "20240229", "2024-02-29T00:00:00", "2024/02/29", "+024-02-29"} {
		_, err := ParseDate(bad)
		require.ErrorIs(t, err, ErrInvalidDate, bad)
	}

	// A date at midnight in Lisbon is the same calendar date, not the UTC one.
	lisbon := time.FixedZone("WEST", 3600)
	assert.Equal(t, Date{2024, time.June, 1}, DateOf(time.Date(2024, 6, 1, 0, 30, 0, 0, lisbon)))

	e := Date{2024, time.March, 1}
	assert.True(t, d.Before(e))
	assert.True(t, e.After(d))
	assert.Equal(t, 0, d.Compare(p))
	assert.Equal(t, -1, Date{2023, 12, 31}.Compare(Date{2024, 1, 1}))
	assert.True(t, Date{}.IsZero())
	assert.False(t, Date{}.Valid())

	b, err := d.MarshalText()
	require.NoError(t, err)
	var u Date
	require.NoError(t, u.UnmarshalText(b))
	assert.Equal(t, d, u)
	_, err = Date{2023, 2, 29}.MarshalText()
	require.ErrorIs(t, err, ErrInvalidDate)
	b, err = Date{}.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b, "no date is empty text")
	require.NoError(t, u.UnmarshalText(nil))
	assert.True(t, u.IsZero())
	require.Error(t, u.UnmarshalText([]byte("x")))
}
