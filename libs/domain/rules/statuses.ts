export enum CreatorStatus {
  Active = 'active',
  Paused = 'paused',
  Offboarded = 'offboarded',
}

export enum CampaignStatus {
  Draft = 'draft',
  Active = 'active',
  Completed = 'completed',
  Cancelled = 'cancelled',
}

export enum Platform {
  Instagram = 'instagram',
  YouTube = 'youtube',
  TikTok = 'tiktok',
  X = 'x',
  LinkedIn = 'linkedin',
  Facebook = 'facebook',
  Blog = 'blog',
}

export enum DeliverableType {
  Reel = 'reel',
  Story = 'story',
  Video = 'video',
  Short = 'short',
  Post = 'post',
  Live = 'live',
  Blog = 'blog',
}
